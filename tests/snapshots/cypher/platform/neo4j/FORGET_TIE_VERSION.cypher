MATCH (v:TieVersion) DELETE v
