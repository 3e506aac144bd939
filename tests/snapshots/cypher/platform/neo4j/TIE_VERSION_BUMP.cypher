CALL () {
  MERGE (tieVersion:TieVersion {id: 'ties'})
  SET tieVersion.version = randomUUID()
}
