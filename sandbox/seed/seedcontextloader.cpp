#include "sandbox/seed/seedcontextloader.h"

#include <optional>

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include "sandbox/seed/seedcalendar.h"
#include "sandbox/seed/seedcatalog.h"
#include "services/database/pgconnection.h"

namespace okla::sandbox {

using models::makeError;

namespace {

int toDays(const QString &isoDate)
{
    const QDate d = QDate::fromString(isoDate, Qt::ISODate);
    return daysFromCivil(d.year(), d.month(), d.day());
}

models::Result<bool> haveDemoStaff(services::PgConnection &connection)
{
    auto have = connection.exec(QStringLiteral("SELECT count(*) FILTER (WHERE staff_role = 'finance'), "
                                               "count(*) FILTER (WHERE staff_role IN ('finance', 'manager')) "
                                               "FROM staff WHERE active"));
    if (!have)
        return have.error();
    return have->toInt64(0, 0) > 0 && have->toInt64(0, 1) > 1;
}

/// A JSON number that is a whole int; nullopt for anything else.
std::optional<int> wholeNumber(const QJsonValue &v)
{
    if (!v.isDouble() || v.toDouble() != double(v.toInt()))
        return std::nullopt;
    return v.toInt();
}

} // namespace

models::Status ensureDemoStaff(services::PgConnection &superuser)
{
    auto have = haveDemoStaff(superuser);
    if (!have)
        return have.error();
    if (have.value())
        return {};
    // The same demo people the sandbox launcher creates (ana and luis in finance, marco manager).
    const char *staff[][3] = {{"ana", "Ana Martínez", "finance"}, {"luis", "Luis Peña", "finance"},
                              {"marco", "Marco Rodríguez", "manager"}};
    for (const auto &s : staff) {
        auto made = superuser.exec(QStringLiteral("SELECT okla_staff_create($1, $2, $3)"),
                                   {QString::fromUtf8(s[0]), QString::fromUtf8(s[1]), QString::fromUtf8(s[2])});
        if (!made)
            return made.error();
    }
    return {};
}

models::Result<SeedContext> loadSeedContext(services::PgConnection &owner)
{
    auto have = haveDemoStaff(owner);
    if (!have)
        return have.error();
    if (!have.value())
        return makeError(QStringLiteral("seed.staff"),
                         QCoreApplication::translate("okla", "The seed needs finance and manager staff; `okla-sandbox up` "
                                                             "creates them (as the superuser)."));
    SeedContext c;
    // The newest open version of each plan per currency: new subscriptions get today's price.
    auto plans = owner.exec(QStringLiteral(
        "SELECT DISTINCT ON (plan_key, currency) plan_key, currency, id, monthly_price_minor FROM plan_versions "
        "WHERE valid_to IS NULL ORDER BY plan_key, currency, version DESC, id DESC"));
    if (!plans)
        return plans.error();
    int found = 0;
    for (int r = 0; r < plans->rows(); ++r) {
        const QByteArray key = plans->text(r, 0).toUtf8();
        for (int p = 0; p < PlanCount; ++p) {
            if (catalog::kPlanKeys[size_t(p)] != std::string_view(key.constData(), size_t(key.size())))
                continue;
            const int currency = plans->text(r, 1) == QLatin1String("USD") ? Usd : Dop;
            c.plans[size_t(p)][size_t(currency)] = {int(plans->toInt64(r, 2)), plans->toInt64(r, 3)};
            ++found;
        }
    }
    if (found != PlanCount * 2)
        return makeError(QStringLiteral("seed.plans"),
                         QCoreApplication::translate("okla", "The plan catalog is incomplete: every plan needs a current "
                                                             "DOP and USD version before seeding."));
    auto policies = owner.exec(QStringLiteral("SELECT key, value::text FROM billing_policies"));
    if (!policies)
        return policies.error();
    std::optional<int> yearlyDiscount;
    for (int r = 0; r < policies->rows(); ++r) {
        const QString key = policies->text(r, 0);
        const QJsonDocument value = QJsonDocument::fromJson("[" + policies->text(r, 1).toUtf8() + "]");
        const QJsonValue v = value.array().at(0);
        if (key == QLatin1String("itbis_rate_bp"))
            c.itbisBp = v.toInt(c.itbisBp);
        else if (key == QLatin1String("yearly_discount_bp")) // no default: SQL will not price without it either
            yearlyDiscount = wholeNumber(v);
        else if (key == QLatin1String("dunning_suspend_day"))
            c.suspendDay = v.toInt(c.suspendDay);
        else if (key == QLatin1String("dunning_cancel_day"))
            c.cancelDay = v.toInt(c.cancelDay);
        else if (key == QLatin1String("dunning_retry_days") && v.toArray().size() == 3)
            for (int i = 0; i < 3; ++i)
                c.retryDays[size_t(i)] = v.toArray().at(i).toInt(c.retryDays[size_t(i)]);
        else if (key == QLatin1String("refund_approval_limit_minor")) {
            c.refundApprovalLimit[Dop] = v.toObject().value(QLatin1String("DOP")).toInteger(c.refundApprovalLimit[Dop]);
            c.refundApprovalLimit[Usd] = v.toObject().value(QLatin1String("USD")).toInteger(c.refundApprovalLimit[Usd]);
        }
    }
    if (!yearlyDiscount)
        return makeError(QStringLiteral("seed.policy"),
                         QCoreApplication::translate("okla", "The billing policy yearly_discount_bp is missing or not a "
                                                             "whole number of basis points."));
    c.yearlyDiscountBp = *yearlyDiscount;
    if (auto prices = c.cyclePrices(); !prices)
        return prices.error(); // a yearly_discount_bp outside 0..10000: nothing is generated
    auto terms = owner.exec(QStringLiteral("SELECT id, enrol_deadline, free_months, discount_bp, coalesce(discount_months, 0) "
                                           "FROM early_bird_terms ORDER BY enrol_deadline, id"));
    if (!terms)
        return terms.error();
    for (int r = 0; r < terms->rows(); ++r)
        c.earlyBird.push_back({int(terms->toInt64(r, 0)), toDays(terms->text(r, 1)), int(terms->toInt64(r, 2)),
                               int(terms->toInt64(r, 3)), int(terms->toInt64(r, 4))});
    auto staff = owner.exec(QStringLiteral("SELECT id, staff_role FROM staff WHERE active AND staff_role IN ('finance', 'manager') "
                                           "ORDER BY id"));
    if (!staff)
        return staff.error();
    for (int r = 0; r < staff->rows(); ++r) {
        if (staff->text(r, 1) == QLatin1String("finance"))
            c.financeStaff.push_back(staff->toInt64(r, 0));
        c.approverStaff.push_back(staff->toInt64(r, 0));
    }
    return c;
}

} // namespace okla::sandbox
