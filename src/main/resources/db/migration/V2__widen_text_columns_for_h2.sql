-- Length limits are enforced by the application in characters as users count them (code
-- points: an emoji is one). MariaDB's utf8mb4 VARCHAR(n) counts the same way, but H2 counts
-- UTF-16 units, in which an emoji is two: 17 emoji in a 25-character first name overflowed
-- VARCHAR(32) on H2 only. Every user-written column is sized at twice its limit so that both
-- databases accept exactly what the application accepts (tests send 4-byte characters to both).
ALTER TABLE users MODIFY COLUMN first_name VARCHAR(64) NOT NULL;
ALTER TABLE users MODIFY COLUMN last_name VARCHAR(64) NOT NULL;
ALTER TABLE users MODIFY COLUMN about VARCHAR(1200) NOT NULL DEFAULT '';
ALTER TABLE users MODIFY COLUMN website VARCHAR(256) NOT NULL DEFAULT '';
