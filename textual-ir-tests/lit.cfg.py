# LLVM lit configuration for DAL's golden suite. Everything project-specific is in lit.suite.properties, which
# dal-lit reads too; this file only translates it for LLVM's lit:
#   python3 /usr/lib/llvm-16/build/utils/lit/lit.py -v textual-ir-tests
import os
import re

import lit.formats

suite_root = os.path.dirname(os.path.abspath(__file__))
props_path = os.path.join(suite_root, "lit.suite.properties")
props = []
with open(props_path, encoding="utf-8") as f:
    for number, raw in enumerate(f, start=1):
        line = raw.strip()
        if not line or line.startswith("#"):
            continue
        if "=" not in line:
            lit_config.fatal("%s:%d: error: expected 'key = value', got '%s'" % (props_path, number, line))
        key, value = line.split("=", 1)
        props.append((key.strip(), value.strip().replace("@SUITE_ROOT@", suite_root), number))

config.name = "DAL"
config.test_format = lit.formats.ShTest(execute_external=False)
config.test_source_root = suite_root
config.test_exec_root = os.path.join(suite_root, "target", "lit")
config.suffixes = []
config.excludes = []

for key, value, number in props:
    if key == "name":
        config.name = value
    elif key == "suffixes":
        config.suffixes = value.split()
    elif key == "excludes":
        config.excludes = value.split()
    elif key == "exec_root":
        config.test_exec_root = os.path.normpath(os.path.join(suite_root, value))
    elif key == "path":
        # Folders searched before PATH, in the order given (dal-lit does the same).
        dirs = [d for d in value.split() if os.path.isdir(d)]
        if dirs:
            inherited = config.environment.get("PATH", os.environ.get("PATH", ""))
            config.environment["PATH"] = os.pathsep.join(dirs + ([inherited] if inherited else []))
    elif key == "features":
        for feature in value.split():
            config.available_features.add(feature)
    elif key.startswith("substitution."):
        pattern = key[len("substitution."):]
        # A %{name} pattern is kept as written: it means itself as a regex, and DEFINE:/REDEFINE: find it by name.
        if not re.fullmatch(r"%\{[A-Za-z_][-\w:]*\}", pattern):
            pattern = re.escape(pattern)
        config.substitutions.append((pattern, value.replace("\\", "\\\\")))
    elif key.startswith("tool."):
        # A DAL tool name in command position becomes the command that implements it outside the JVM.
        name = key[len("tool."):]
        pattern = r"(?<![-\w./%])" + re.escape(name) + r"(?![-\w.])"
        config.substitutions.append((pattern, os.path.normpath(value)))
    else:
        lit_config.fatal("%s:%d: error: unknown key '%s'" % (props_path, number, key))

exec_root = lit_config.params.get("exec_root")
if exec_root:
    config.test_exec_root = os.path.abspath(exec_root)
