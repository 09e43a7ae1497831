#pragma once
// The parts of imports, for callers that use several of them (the API's import routes). Not a
// facade: each member is the part itself, and the composition root owns them.
#include "domain/imports/import_history.hpp"
#include "domain/imports/import_mapper.hpp"
#include "domain/imports/import_rejections.hpp"
#include "domain/imports/import_runner.hpp"
#include "domain/imports/import_uploads.hpp"

namespace rapport::domain::imports {

struct ImportParts {
    ImportUploads& uploads;        // upload a file
    ImportMapper& mapper;          // map its columns, dry-run it
    ImportRunner& runner;          // start, follow, cancel a run
    ImportRejections& rejections;  // the rejected rows, as CSV or page by page
    ImportHistory& history;        // past imports
};

}  // namespace rapport::domain::imports
