#pragma once
// The batch planner: turns a batch of CSV records into the writes an import commits (creates
// and updates of companies or people), the rows it rejects and the counts, through the
// validation of the API's own writes. ImportRunner plans every batch of a run with it and
// ImportMapper's dry run plans the whole file with it, so a dry run reports what the import
// will do, row by row.
//
// Rules:
//   - A row updates the record that already has its first key in match_on order
//     (external_id, email, vat_id); keys are looked up once per batch with IN lists. A row
//     also sees the records that earlier rows of its batch created or changed; two rows of a
//     batch for one record become one write with both rows' changes.
//   - Tags in a file add to a record's tags; an import never removes data.
//   - A row matching a record the actor may not change is rejected, not written; rows whose
//     values fail validation (or are forbidden) are rejected with the reasons; any other
//     error fails the batch.
//   - Rejected and flagged rows come out in row order.
//
// Not thread-safe: one planner per run (or dry run), used by one thread at a time.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "core/error.hpp"
#include "domain/customers/customer_service.hpp"
#include "domain/imports/csv_reader.hpp"
#include "domain/imports/import_job.hpp"
#include "domain/imports/import_mapping.hpp"

namespace rapport::domain::imports {

// What the planner needs of the customers service: look-ups by upsert key and the validation
// path of the API's create and update (customer_service.hpp has their contracts).
class PlannerCustomers {
public:
    virtual ~PlannerCustomers() = default;

    virtual Result<std::vector<customers::CustomerRecord>> find_by_field(const Principal& actor,
                                                                         customers::EntityType type,
                                                                         const std::string& field,
                                                                         const std::vector<std::string>& values) = 0;
    virtual Result<customers::RecordWrite> prepare_create(const Principal& actor,
                                                          const customers::WriteContext& context,
                                                          customers::EntityType type,
                                                          const customers::CustomerInput& input,
                                                          const customers::Source& source) = 0;
    virtual Result<customers::RecordWrite> prepare_update(const Principal& actor,
                                                          const customers::WriteContext& context,
                                                          customers::CustomerRecord current,
                                                          const customers::CustomerInput& input,
                                                          const customers::Source& source) = 0;
};

// PlannerCustomers by the customers service itself. The service must outlive it.
class CustomerServicePlanning final : public PlannerCustomers {
public:
    explicit CustomerServicePlanning(customers::CustomerService& customers) : customers_(customers) {}

    Result<std::vector<customers::CustomerRecord>> find_by_field(const Principal& actor, customers::EntityType type,
                                                                 const std::string& field,
                                                                 const std::vector<std::string>& values) override {
        return customers_.find_by_field(actor, type, field, values);
    }
    Result<customers::RecordWrite> prepare_create(const Principal& actor, const customers::WriteContext& context,
                                                  customers::EntityType type, const customers::CustomerInput& input,
                                                  const customers::Source& source) override {
        return customers_.prepare_create(actor, context, type, input, source);
    }
    Result<customers::RecordWrite> prepare_update(const Principal& actor, const customers::WriteContext& context,
                                                  customers::CustomerRecord current,
                                                  const customers::CustomerInput& input,
                                                  const customers::Source& source) override {
        return customers_.prepare_update(actor, context, std::move(current), input, source);
    }

private:
    customers::CustomerService& customers_;
};

// What one batch of rows does: the writes, the rejected rows and the counts.
struct PlannedBatch {
    std::vector<customers::RecordWrite> inserts;
    std::vector<customers::RecordWrite> updates;
    std::vector<RejectedRow> rejected;
    std::vector<RejectedRow> flagged;  // rows written with flagged values (counted below as well)
    std::int64_t created = 0;
    std::int64_t updated = 0;
    std::int64_t unchanged = 0;
};

// Turns batches of CSV records into writes, through the customers service's validation.
// The import commits each planned batch before planning the next, so look-ups see earlier
// batches in the database; a dry run commits nothing, so with `simulate` the planner keeps
// the records earlier batches would have written (those with an upsert key) and lets later
// batches find them, which keeps the dry run's counts and checks exact.
//
// An import plans the next batch while the previous one commits (ImportRunner), so the
// batches planned but not yet known to be committed are "in flight": the planner keeps their
// records, by id and by key, and lets them take precedence over what the database says (which
// may not hold them yet, or hold an older state), exactly as if each batch had been committed
// before the next was planned. forget_committed() drops them once committed.
//
// Every change a write makes gets the source Source{Import, "import:<import_id>:<filename>",
// data kind of the mapping}. The planner keeps references to its arguments: they must outlive it.
class BatchPlanner {
public:
    BatchPlanner(PlannerCustomers& customers, const Principal& actor, const ImportJob& job,
                 const ImportMapping& mapping, const customers::WriteContext& context, bool simulate);

    // Dry run, first pass: counts each upsert key of the file (by hash), so that remember()
    // keeps only records that a later row can meet again. Memory then grows with the keys
    // that repeat, not with the file.
    void count_keys(const std::vector<CsvRecord>& records);

    // The batches up to `sequence` (plan()'s numbering) are committed: the database has them.
    void forget_committed(std::uint64_t sequence);

    // `sequence` numbers the batches of a run that plans ahead (> 0, increasing); 0 plans
    // a batch that commits before the next is planned, or a dry run's. Fails only on errors
    // other than a row's validation or permissions (those reject the row).
    Result<PlannedBatch> plan(const std::vector<CsvRecord>& records, std::uint64_t sequence = 0);

private:
    using Key = std::pair<std::string, std::string>;  // upsert field, normalised value

    std::optional<std::string> shape_problem(const CsvRecord& record) const;
    RejectedRow rejected(const CsvRecord& record, std::vector<RowError> errors) const;
    std::string column_of(const std::string& field) const;
    std::vector<Key> input_keys(const customers::CustomerInput& input) const;
    std::vector<Key> record_keys(const customers::CustomerRecord& record) const;
    void fly(const customers::CustomerRecord& record, std::uint64_t sequence);
    void forget_keys(Id id, const customers::CustomerRecord& record);
    static std::uint64_t hash(const Key& key);
    void remember(const customers::CustomerRecord& record);
    customers::CustomerRecord decode(const std::string& text) const;

    PlannerCustomers& customers_;
    const Principal& actor_;
    const ImportJob& job_;
    const ImportMapping& mapping_;
    const customers::WriteContext& context_;
    const bool simulate_;
    customers::Source source_;
    std::map<Id, std::string> simulated_;
    std::map<Key, Id> simulated_keys_;
    std::unordered_map<std::uint64_t, std::uint32_t> key_counts_;
    bool counted_ = false;
    struct InFlight {
        std::uint64_t sequence = 0;
        customers::CustomerRecord record;
    };
    std::map<Id, InFlight> inflight_;
    std::map<Key, Id> inflight_keys_;
};

}  // namespace rapport::domain::imports
