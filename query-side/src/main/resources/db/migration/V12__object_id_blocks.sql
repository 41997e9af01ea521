-- Object IDs are handed out in blocks of 20 (ObjectIds.BLOCK): each value of the sequence opens a block.
ALTER SEQUENCE crm_object_id INCREMENT BY 20;
