/*
 * Tokens of MLIR's textual IR (generic form, pretty forms, aliases, locations, file metadata), as DAL reads it.
 *
 * The parser (dev.dal.ir.parse.OperationParser) is recursive descent over these tokens, in the manner of MLIR's own
 * parser: per-op custom syntax is read through OpAsmParser calls, which need token-level access and cannot be
 * expressed as parser rules fixed in advance. Structures whose inside is not tokenised the MLIR way (shapes such
 * as 4x?xf32, dialect type and attribute bodies) are read from the characters directly by the parser.
 *
 * No actions: the fast path for very long hex strings lives in dev.dal.ir.parse.FastIrLexer.
 */
lexer grammar IrLexer;

FILE_METADATA_BEGIN : '{-#' ;
FILE_METADATA_END   : '#-}' ;

ARROW    : '->' ;
ELLIPSIS : '...' ;
LPAREN   : '(' ;
RPAREN   : ')' ;
LSQUARE  : '[' ;
RSQUARE  : ']' ;
LBRACE   : '{' ;
RBRACE   : '}' ;
LESS     : '<' ;
GREATER  : '>' ;
COMMA    : ',' ;
COLON    : ':' ;
EQUAL    : '=' ;
MINUS    : '-' ;
PLUS     : '+' ;
STAR     : '*' ;
QUESTION : '?' ;
VBAR     : '|' ;

PERCENT_ID : '%' SUFFIX_ID ;
CARET_ID   : '^' SUFFIX_ID ;
AT_ID      : '@' ( SUFFIX_ID | STRING ) ;
HASH_ID    : '#' SUFFIX_ID ;
BANG_ID    : '!' SUFFIX_ID ;

FLOAT   : DIGIT+ '.' DIGIT* ( [eE] [+-]? DIGIT+ )? ;
INTEGER : '0x' HEX_DIGIT+ | DIGIT+ ;
STRING  : '"' ( ~["\\\n\r] | '\\' ~[\n\r] )* '"' ;
BARE_ID : [a-zA-Z_] [a-zA-Z0-9_$.]* ;

LINE_COMMENT : '//' ~[\n\r]* -> skip ;
WS           : [ \t\r\n]+ -> skip ;

/* Anything else is one bad character; the parser reports it where it stands. */
ERROR_CHAR : . ;

fragment DIGIT     : [0-9] ;
fragment HEX_DIGIT : [0-9a-fA-F] ;
fragment SUFFIX_ID : DIGIT+ | [a-zA-Z_$.\-] [a-zA-Z0-9_$.\-]* ;
