MATCH (v:CatalogueVersion) DELETE v
