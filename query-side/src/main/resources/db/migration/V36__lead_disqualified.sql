-- Issue 15: a lead may be disqualified (LeadKind.DISQUALIFIED, a flag field): campaigns skip it.
ALTER TABLE lead_view ADD COLUMN disqualified BOOLEAN NOT NULL DEFAULT FALSE;
