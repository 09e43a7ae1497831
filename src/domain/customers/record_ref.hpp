#pragma once
// What record-level permissions need to know of a customer record: owner, team, and its
// B2B2C partition (a consumer's buyer, or the company itself for partner users).
#include "domain/customers/customer_record.hpp"
#include "domain/permissions/record_access.hpp"

namespace rapport::domain::customers {

RecordRef ref_of(const CustomerRecord& record);

}  // namespace rapport::domain::customers
