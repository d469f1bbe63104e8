-- Takes records out of `raw` (not `_filled`) without renumbering the others: they are
-- reported as rejected lines instead (see read._swallowed).
-- params: $rowids BIGINT[]
UPDATE raw_records SET _filled = false WHERE list_contains($rowids, rowid)
