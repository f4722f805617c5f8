-- A link's role is the name of the field that holds it (core/kind_descriptor.hpp), so that every
-- kind writes and reads its links through one generic path: a contact's companies, once
-- "employer" links, become "companies" links. Same change as postgres/migrations/0011.
UPDATE record_links SET role = 'companies' WHERE from_kind = 'contact' AND role = 'employer';
