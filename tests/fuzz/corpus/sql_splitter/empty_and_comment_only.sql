-- nothing but comments
;;
/* and empty statements */ ;
  ;
