MATCH (a)-[r]->(b)
RETURN elementId(a) AS start, elementId(b) AS end, type(r) AS type,
       [k IN keys(r) | [k, replace(valueType(r[k]), ' NOT NULL', ''),
         CASE WHEN valueType(r[k]) STARTS WITH 'LIST' THEN [e IN r[k] | CASE
           WHEN e IS :: DATE OR e IS :: ZONED DATETIME OR e IS :: LOCAL DATETIME
             OR e IS :: ZONED TIME OR e IS :: LOCAL TIME OR e IS :: DURATION THEN toString(e)
           WHEN e IS :: POINT THEN {srid: e.srid, x: e.x, y: e.y, z: CASE WHEN e.crs ENDS WITH '3d' THEN e.z END}
           ELSE e END]
         ELSE CASE
           WHEN r[k] IS :: DATE OR r[k] IS :: ZONED DATETIME OR r[k] IS :: LOCAL DATETIME
             OR r[k] IS :: ZONED TIME OR r[k] IS :: LOCAL TIME OR r[k] IS :: DURATION THEN toString(r[k])
           WHEN r[k] IS :: POINT THEN {srid: r[k].srid, x: r[k].x, y: r[k].y, z: CASE WHEN r[k].crs ENDS WITH '3d' THEN r[k].z END}
           ELSE r[k] END END]] AS properties
