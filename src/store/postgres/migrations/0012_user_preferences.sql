-- Each user's own choice of the web UI's language and of the time zone dates are shown in; NULL
-- until they choose (the UI then follows the browser). As sqlite/migrations/0013.
ALTER TABLE users ADD COLUMN language text;
ALTER TABLE users ADD COLUMN time_zone text;
