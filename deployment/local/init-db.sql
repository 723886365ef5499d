-- Run once by the postgres image on an empty data volume (docker-entrypoint-initdb.d), as the superuser.
-- Creates the application role and its two databases, as deployment/local/services.sh does without Docker.
-- Written so that running it again changes nothing.

SELECT 'CREATE ROLE shotcraft LOGIN PASSWORD ''shotcraft'''
 WHERE NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'shotcraft')
\gexec

SELECT format('CREATE DATABASE %I OWNER shotcraft', name)
  FROM (VALUES ('shotcraft'), ('shotcraft_test')) AS wanted(name)
 WHERE NOT EXISTS (SELECT FROM pg_database WHERE datname = wanted.name)
\gexec
