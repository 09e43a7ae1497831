#pragma once
#include "domain/imports/import_history_repository.hpp"
#include "domain/imports/import_reader.hpp"
#include "domain/imports/mapping_repository.hpp"
#include "domain/imports/rejected_rows_repository.hpp"
#include "domain/imports/run_repository.hpp"
#include "domain/imports/upload_repository.hpp"
#include "storage/database.hpp"

namespace rapport::storage {

// Imports live in `imports` (job and progress), `import_files` (the file as UTF-8 text) and
// `import_rejections`; see migrations/common/0005_imports.sql. commit_batch writes the
// batch's records through write_records() (sql_customer_repository.hpp) in the transaction
// that advances the checkpoint, and which records the batch created or updated in
// `import_records` (0026), what the customers' filter field `imports` reads.
// One repository for every part of imports: it implements each part's narrow interface.
class SqlImportRepository final : public domain::imports::ImportReader,
                                  public domain::imports::UploadRepository,
                                  public domain::imports::MappingRepository,
                                  public domain::imports::RunRepository,
                                  public domain::imports::RejectedRowsRepository,
                                  public domain::imports::ImportHistoryRepository {
public:
    explicit SqlImportRepository(Database& db) : db_(db) {}

    Status create(const domain::imports::ImportJob& job, const std::string& content) override;
    Result<std::optional<domain::imports::ImportJob>> find(Id workspace_id, Id import_id) override;
    Result<std::string> content(Id workspace_id, Id import_id) override;
    Result<bool> save_mapping(Id workspace_id, Id import_id, const std::string& mapping_json, UnixMillis now) override;
    Result<bool> claim(Id workspace_id, Id import_id, Id run_id, UnixMillis now, UnixMillis stale_before) override;
    Status commit_batch(const domain::imports::BatchCommit& batch) override;
    Result<bool> finish(Id workspace_id, Id import_id, Id run_id, domain::imports::ImportStatus status,
                        const std::optional<std::string>& error, UnixMillis now) override;
    Result<bool> cancel(Id workspace_id, Id import_id, UnixMillis now) override;
    void refresh_statistics(domain::customers::EntityType type, std::int64_t rows_added) override;
    Status rejected_rows(Id workspace_id, Id import_id,
                         const std::function<void(const domain::imports::RejectedRow&)>& on_row) override;
    Result<std::vector<domain::imports::RejectedRow>> rejected_page(Id workspace_id, Id import_id,
                                                                    std::int64_t after_row, int limit) override;
    Result<std::vector<domain::imports::ImportJob>> list_imports(Id workspace_id,
                                                                 const domain::imports::ImportAuthor& author,
                                                                 std::optional<Id> before, int limit) override;

private:
    Database& db_;
};

}  // namespace rapport::storage
