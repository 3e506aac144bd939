MATCH (n) WHERE NOT n:TieVersion AND NOT n:CatalogueVersion
RETURN elementId(n) AS key, labels(n) AS labels,
       [k IN keys(n) | [k, replace(valueType(n[k]), ' NOT NULL', ''),
         CASE WHEN valueType(n[k]) STARTS WITH 'LIST' THEN [e IN n[k] | CASE
           WHEN e IS :: DATE OR e IS :: ZONED DATETIME OR e IS :: LOCAL DATETIME
             OR e IS :: ZONED TIME OR e IS :: LOCAL TIME OR e IS :: DURATION THEN toString(e)
           WHEN e IS :: POINT THEN {srid: e.srid, x: e.x, y: e.y, z: CASE WHEN e.crs ENDS WITH '3d' THEN e.z END}
           ELSE e END]
         ELSE CASE
           WHEN n[k] IS :: DATE OR n[k] IS :: ZONED DATETIME OR n[k] IS :: LOCAL DATETIME
             OR n[k] IS :: ZONED TIME OR n[k] IS :: LOCAL TIME OR n[k] IS :: DURATION THEN toString(n[k])
           WHEN n[k] IS :: POINT THEN {srid: n[k].srid, x: n[k].x, y: n[k].y, z: CASE WHEN n[k].crs ENDS WITH '3d' THEN n[k].z END}
           ELSE n[k] END END]] AS properties
