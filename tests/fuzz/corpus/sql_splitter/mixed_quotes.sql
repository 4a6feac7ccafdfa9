SELECT 'a;b', "c;d", 'it''s', "say ""hi;""" FROM t;
SELECT '--not a comment', '/*not a comment*/' ; SELECT 2
;SELECT $1, x$y$z, [1], `q` FROM t
