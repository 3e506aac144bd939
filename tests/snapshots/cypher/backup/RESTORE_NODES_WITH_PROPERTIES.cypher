UNWIND range(0, size($k) - 1) AS i
CREATE (n:`__RestoreNode`:`Person`:`Odd ``label``` {`__restoreKey`: $k[i]})
SET n.`name` = $p0[i], n.`since` = date($p1[i]), n.`score` = toInteger($p2[i]), n.`tags` = [e IN $p3[i] | toInteger(e)], n.`where` = CASE WHEN $p4[i].z IS NULL THEN point({srid: toInteger($p4[i].srid), x: $p4[i].x, y: $p4[i].y})
        ELSE point({srid: toInteger($p4[i].srid), x: $p4[i].x, y: $p4[i].y, z: $p4[i].z}) END
RETURN count(*) AS written
