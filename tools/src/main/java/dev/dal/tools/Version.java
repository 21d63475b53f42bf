package dev.dal.tools;

/** The version every DAL tool reports. */
public final class Version {
    /** The release, as in the Maven build. */
    public static final String VERSION = "0.1.0-SNAPSHOT";

    private Version() {}
}
