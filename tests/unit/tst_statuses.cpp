#include <functional>

#include <QRegularExpression>
#include <QSet>
#include <QTest>
#include <QTranslator>

#include "models/statuses.h"

using namespace okla::models;

namespace {

/// Checks one enum's table against the names the backend uses (in declaration order):
/// toDb, fromDb round trip, allValues, dbValues, labels present and distinct.
template<StatusEnum E>
void checkTable(const QStringList &expectedDb)
{
    const QList<E> values = allValues<E>();
    QCOMPARE(values.size(), expectedDb.size());
    QCOMPARE(dbValues<E>(), expectedDb);

    static const QRegularExpression snakeCase(QStringLiteral("^[a-z]+(_[a-z]+)*$"));
    QSet<QString> labels;
    for (qsizetype i = 0; i < values.size(); ++i) {
        const E value = values.at(i);
        QCOMPARE(static_cast<int>(value), int(i)); // the table lists every enumerator, in order
        QCOMPARE(toDb(value), expectedDb.at(i));
        QVERIFY2(snakeCase.match(toDb(value)).hasMatch(), qPrintable(toDb(value)));
        QCOMPARE(fromDb<E>(toDb(value)), std::optional<E>(value));
        QVERIFY(!label(value).isEmpty());
        labels.insert(label(value));
    }
    QCOMPARE(labels.size(), values.size());
    QCOMPARE(fromDb<E>(u""), std::nullopt);
    QCOMPARE(fromDb<E>(u"no_such_status"), std::nullopt);
    QCOMPARE(fromDb<E>(expectedDb.first().toUpper()), std::nullopt); // exact match only
}

/// Records what label() asks the translation system for.
class RecordingTranslator : public QTranslator
{
public:
    QString translate(const char *context, const char *sourceText, const char *disambiguation, int) const override
    {
        return QLatin1StringView(context) + u'|' + QLatin1StringView(disambiguation) + u'|'
               + QString::fromUtf8(sourceText);
    }
    bool isEmpty() const override { return false; }
};

} // namespace

class TestStatuses : public QObject
{
    Q_OBJECT

private slots:
    void tables_data();
    void tables();
    void labelsAreTranslatedInStatusContext();
};

void TestStatuses::tables_data()
{
    QTest::addColumn<std::function<void()>>("check");

    const auto row = [](const char *name, auto check) { QTest::newRow(name) << std::function<void()>(check); };
    row("dealer verification", [] {
        checkTable<DealerVerificationStatus>({"pending", "under_review", "verified", "rejected", "suspended"});
    });
    row("dealer type", [] {
        checkTable<DealerType>({"independent", "franchise", "multi_location", "online_only", "wholesale"});
    });
    row("subscription", [] {
        checkTable<SubscriptionStatus>({"trial", "active", "past_due", "cancelled", "suspended", "expired"});
    });
    row("plan change", [] {
        checkTable<PlanChangeType>({"upgrade", "downgrade", "cancel", "reactivate", "trial_to_active"});
    });
    row("cancellation reason", [] {
        checkTable<CancellationReason>({"too_expensive", "not_enough_value", "switched_competitor",
                                        "technical_issues", "business_closed", "not_using_enough",
                                        "seasonal_pause", "poor_support", "missing_features", "other"});
    });
    row("payment", [] {
        checkTable<PaymentStatus>({"pending", "processing", "succeeded", "failed", "refunded",
                                   "partially_refunded", "disputed"});
    });
    row("invoice", [] {
        checkTable<InvoiceStatus>({"draft", "issued", "sent", "paid", "partially_paid", "overdue", "cancelled",
                                   "voided"});
    });
    row("refund", [] {
        checkTable<RefundStatus>({"requested", "awaiting_approval", "approved", "submitting", "succeeded", "failed",
                                  "unknown", "reconciled", "rejected"});
    });
    row("provider request", [] {
        checkTable<ProviderRequestState>({"submitting", "succeeded", "failed", "unknown", "reconciled"});
    });
    row("provider", [] { checkTable<PaymentProvider>({"azul", "stripe"}); });
    row("billing cycle", [] { checkTable<BillingCycle>({"monthly", "quarterly", "yearly"}); });
    row("discrepancy", [] {
        checkTable<DiscrepancyType>({"payment_without_record", "subscription_without_payment", "amount_mismatch",
                                     "orphaned_stripe_customer", "status_mismatch", "payment_status_mismatch",
                                     "stripe_subscription_without_record"});
    });
}

void TestStatuses::tables()
{
    QFETCH(std::function<void()>, check);
    check();
}

void TestStatuses::labelsAreTranslatedInStatusContext()
{
    // given
    RecordingTranslator translator;
    QVERIFY(QCoreApplication::installTranslator(&translator));

    // when
    const QString pastDue = label(SubscriptionStatus::PastDue);
    const QString invoiceCancelled = label(InvoiceStatus::Cancelled);
    const QString subscriptionCancelled = label(SubscriptionStatus::Cancelled);
    QCoreApplication::removeTranslator(&translator);

    // then: one context, and the same English word stays distinguishable per enum for Spanish
    QCOMPARE(pastDue, QStringLiteral("okla.status|subscription|Past due"));
    QCOMPARE(invoiceCancelled, QStringLiteral("okla.status|invoice|Cancelled"));
    QVERIFY(invoiceCancelled != subscriptionCancelled);
    QCOMPARE(label(SubscriptionStatus::PastDue), QStringLiteral("Past due"));
}

QTEST_GUILESS_MAIN(TestStatuses)
#include "tst_statuses.moc"
