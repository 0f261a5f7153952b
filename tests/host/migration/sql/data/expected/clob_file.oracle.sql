-- Changeset clob_file.xml::clob-file::t
WARNING: This statement uses a prepared statement which cannot be execute directly by this script. Only works in 'update' mode

