-- Every upload that contained a stored activity. Weekly exports overlap: an activity the
-- week-1 export stored is contained again in the week-2 export, which skips it as already
-- stored. `activities.upload_id` names the upload that stored a row; this table names the
-- other live uploads that held it too, so that undoing the first hands the row over to the
-- second instead of removing what the second still holds.
CREATE TABLE activity_holders (
    activity_key UBIGINT NOT NULL,
    upload_id    BIGINT NOT NULL
);
