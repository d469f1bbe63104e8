-- Whether the reps' spellings (temp table `deal_aliases`) differ from those the open-deals-worked
-- facts were computed with (deal_work_aliases), counting repeats.
-- params: none
SELECT EXISTS (
    (SELECT alias, rep FROM deal_aliases EXCEPT ALL SELECT alias, rep FROM deal_work_aliases)
    UNION ALL
    (SELECT alias, rep FROM deal_work_aliases EXCEPT ALL SELECT alias, rep FROM deal_aliases)
)
