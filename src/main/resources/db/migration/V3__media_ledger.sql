-- Media files that may be unreferenced: files written for an update not yet committed, and files
-- replaced by a committed update but not yet deleted. A row lives for the few seconds between;
-- a row whose server instance stopped (crashed) is swept: its file is deleted unless a committed
-- row names it. See media.control.MediaLedger.
-- A path may have several rows (an upload's new file, replaced by another upload before the first
-- settled); each operation settles only its own rows, by its token.
CREATE TABLE media_ledger (
  path        VARCHAR(300) NOT NULL,
  token       VARCHAR(16)  NOT NULL,  -- one per operation
  instance    VARCHAR(16)  NOT NULL,  -- TempFiles instance id of the server that wrote the row
  created_at  BIGINT       NOT NULL,
  PRIMARY KEY (path, token)
);
CREATE INDEX ix_media_ledger_instance ON media_ledger (instance);
