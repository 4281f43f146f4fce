-- Every person mention's offsets point at its surface text in the document's text.
select
    mentions.person_mention_id,
    mentions.document_id,
    mentions.surface_text,
    substr(documents.document_text, mentions.char_start + 1, mentions.char_end - mentions.char_start) as text_at_offsets

from {{ ref('fct_person_mentions') }} as mentions
inner join {{ ref('int_documents_joined') }} as documents
    on mentions.document_id = documents.document_id
where substr(documents.document_text, mentions.char_start + 1, mentions.char_end - mentions.char_start)
    is distinct from mentions.surface_text
