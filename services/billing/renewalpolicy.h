#pragma once

#include "models/billing/dunningpolicy.h"
#include "models/result.h"

namespace okla::services {

class PgConnection;

/// The billing policies a renewal run and dunning read (docs/domain.md §17, §25): the dunning
/// days, the ITBIS rate and how many days before a charge the dealer is told. A policy row that
/// is missing takes the domain's default; a row that is there but malformed fails the run.
struct RenewalPolicy
{
    models::DunningPolicy dunning = models::DunningPolicy::defaults();
    int itbisBp = 1800;
    int renewalNoticeDays = 5;

    static models::Result<RenewalPolicy> load(PgConnection &connection);
};

} // namespace okla::services
