-- How many uploads the store holds (a copy goes only into a store without any).
-- params: none
SELECT count(*) AS uploads FROM uploads
