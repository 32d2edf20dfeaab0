-- One "< 5" pattern holds for every figure of a month across all reports (SuppressionCube), so it is worked out
-- from every SSO's cells of the month, not only those a report shows. Nodes keep the patterns in memory; this row
-- says when a month's weekly cells last changed, so a node knows its copy is stale. The roll-up writes a new value
-- in the transaction that rewrites a (week, SSO) unit; UUID() rather than a counter, so that a rebuild (which
-- deletes every row here) can never bring back a value some node still holds.
CREATE TABLE report_month (
    month_start DATE     NOT NULL PRIMARY KEY,
    stamp       CHAR(36) NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = ascii COLLATE = ascii_bin;
