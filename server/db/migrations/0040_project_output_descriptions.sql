-- A resource a project's output put in the Toolkit was described by the project's title, which told the
-- community (and search) of a private project: it is now described by the output's citation (a link) or
-- not at all (an article, whose text is the citation). Only resources still described that way change.
update resources r
set description = case when r.kind = 'link' then o.citation else '' end
from project_outputs o
join projects p on p.id = o.project_id
where o.resource_id = r.id and r.description = p.title;
