-- The header-row signatures of every saved mapping profile.
-- params: none
SELECT signature FROM mapping_profiles
