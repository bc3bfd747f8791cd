-- Every privilege held in the current database, one line each, without the
-- grantor (whoever replays a script becomes it): relations, columns, schemas,
-- routines and default privileges. scripts/realdialogs.sh compares these lines
-- between a database and a copy that replayed its exported grants.
-- Absent ACLs are read as the built-in defaults (the owner's privileges, and
-- PUBLIC's EXECUTE on routines), as the server applies them.
WITH who(oid, name) AS (SELECT 0::oid, 'PUBLIC' UNION ALL SELECT oid, rolname FROM pg_roles)
SELECT line FROM (
  SELECT format('relation %I.%I %s %s%s', n.nspname, c.relname, w.name, a.privilege_type, CASE WHEN a.is_grantable THEN ' grantable' ELSE '' END) AS line
  FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace,
       aclexplode(coalesce(c.relacl, acldefault(CASE c.relkind WHEN 'S' THEN 's' ELSE 'r' END::"char", c.relowner))) a JOIN who w ON w.oid = a.grantee
  WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\_toast%' AND c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f')
  UNION ALL
  SELECT format('column %I.%I.%I %s %s%s', n.nspname, c.relname, t.attname, w.name, a.privilege_type, CASE WHEN a.is_grantable THEN ' grantable' ELSE '' END)
  FROM pg_attribute t JOIN pg_class c ON c.oid = t.attrelid JOIN pg_namespace n ON n.oid = c.relnamespace,
       aclexplode(t.attacl) a JOIN who w ON w.oid = a.grantee
  WHERE t.attacl IS NOT NULL AND n.nspname NOT IN ('pg_catalog', 'information_schema')
  UNION ALL
  SELECT format('schema %I %s %s%s', n.nspname, w.name, a.privilege_type, CASE WHEN a.is_grantable THEN ' grantable' ELSE '' END)
  FROM pg_namespace n, aclexplode(coalesce(n.nspacl, acldefault('n', n.nspowner))) a JOIN who w ON w.oid = a.grantee
  WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg\_toast%' AND n.nspname NOT LIKE 'pg\_temp%'
  UNION ALL
  SELECT format('routine %s %s %s%s', p.oid::regprocedure, w.name, a.privilege_type, CASE WHEN a.is_grantable THEN ' grantable' ELSE '' END)
  FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace,
       aclexplode(coalesce(p.proacl, acldefault('f', p.proowner))) a JOIN who w ON w.oid = a.grantee
  WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')
  UNION ALL
  SELECT format('default %s %s %s %s %s%s', r.rolname, coalesce(n.nspname, '*'), d.defaclobjtype, w.name, a.privilege_type, CASE WHEN a.is_grantable THEN ' grantable' ELSE '' END)
  FROM pg_default_acl d JOIN pg_roles r ON r.oid = d.defaclrole LEFT JOIN pg_namespace n ON n.oid = d.defaclnamespace,
       aclexplode(d.defaclacl) a JOIN who w ON w.oid = a.grantee
  -- A database-wide entry replaces the built-in default: list what it adds to it.
  WHERE d.defaclnamespace <> 0 OR (a.grantee, a.privilege_type) NOT IN
    (SELECT b.grantee, b.privilege_type FROM aclexplode(acldefault(CASE d.defaclobjtype WHEN 'S' THEN 's' ELSE d.defaclobjtype END::"char", d.defaclrole)) b)
) x;
