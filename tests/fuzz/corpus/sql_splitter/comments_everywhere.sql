-- leading comment; with semicolon
/* block
   comment; spanning lines */
SELECT /* inline; */ 1 -- trailing; comment
;
-- between statements
SELECT 2 /* before semicolon */;
/**/;
-- only a comment here;
SELECT 3 - -4, 8/2
-- final comment without newline
