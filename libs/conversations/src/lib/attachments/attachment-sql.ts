/** The attachments of message `alias` as a JSON array of MessageAttachment, oldest first (`[]` for none). */
export const attachmentsOf = (alias: string) =>
  `coalesce((select json_agg(json_build_object('id', a.id, 'name', a.file_name, 'mediaType', a.media_type, 'size', a.size) order by a.created_at, a.id)
               from interaction_attachments a where a.message_id = ${alias}.id), '[]'::json)`;

/** Stored attachment columns as MessageAttachment (from `interaction_attachments a`). */
export const ATTACHMENT_COLUMNS = `a.id, a.file_name as name, a.media_type as "mediaType", a.size`;
