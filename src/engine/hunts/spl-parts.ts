// The lines every tstats hunt opens and closes with, one definition for the catalogue and the IOC templates: the
// security_content conventions for counting with first/last seen times and for printing those times.
export const TSTATS = '| tstats `security_content_summariesonly` count min(_time) as firstTime max(_time) as lastTime';
export const CTIME = '| `security_content_ctime(firstTime)`\n| `security_content_ctime(lastTime)`';
