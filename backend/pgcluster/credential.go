package pgcluster

// credential is the system user the server runs as when started by root.
type credential struct{ Uid, Gid uint32 }
