-- Zhicheng schema, version 16: layout settings of printed documents (CQ-DOC-1, CQ-DOC-2).

-- What a user set for one document of one application, so that the next print looks the same: per page
-- (part 'page:<n>') the font size, blank lines and row height; per repeatable section (part 'rows:<section>') the
-- empty rows added under its table. Deleting the application deletes its settings.
CREATE TABLE document_layout (
    application_id     VARCHAR(36)              NOT NULL REFERENCES application (id) ON DELETE CASCADE,
    document_id        VARCHAR(64)              NOT NULL,
    part               VARCHAR(80)              NOT NULL,
    font_size          NUMERIC(4, 2),
    blank_lines        INTEGER,
    row_height         NUMERIC(5, 1),
    blank_rows         INTEGER,
    updated_by         VARCHAR(36)              NOT NULL,
    updated_at         TIMESTAMP WITH TIME ZONE NOT NULL,
    PRIMARY KEY (application_id, document_id, part)
);
