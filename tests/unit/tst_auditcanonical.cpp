// The audit log's canonical form in C++ (models/audit/auditcanonical.h) against fixed vectors:
// the bytes docs/security.md §5 defines, so that the program and the database hash the same thing.
// tst_auditattacks compares these bytes with the database's on real rows.
#include <QTest>

#include "models/audit/auditcanonical.h"

using namespace okla::models;

class TestAuditCanonical : public QObject
{
    Q_OBJECT

private:
    static AuditRow approval()
    {
        AuditRow row;
        row.seq = 19;
        row.occurredAtMicros = 1772373909000123; // 2026-03-01 14:05:09.000123 UTC
        row.actor = QStringLiteral("luis");
        row.actorStaffId = 3;
        row.action = QStringLiteral("refunds.update");
        row.entity = QStringLiteral("refunds");
        row.entityId = QStringLiteral("42");
        row.result = QStringLiteral("ok");
        // As PostgreSQL prints the jsonb: its own key order, ", " and ": " separators.
        row.after = QStringLiteral("{\"z\": [1.50, null, true, {\"b\": [], \"a\": {}}], \"note\": \"ñandú \\\"🙂\\\"\\n\", "
                                   "\"state\": \"approved\", \"amount_minor\": 150000}").toUtf8();
        return row;
    }

private slots:
    void canonicalJsonSortsKeysBytewiseAndDropsSpaces()
    {
        QCOMPARE(AuditCanonical::canonicalJson(R"({"b": 1, "a": {"d": [1, 2], "c": null}})").value(),
                 QByteArray(R"({"a":{"c":null,"d":[1,2]},"b":1})"));
        // Bytewise: upper case before lower case, "é" (0xC3 0xA9) after "z".
        QCOMPARE(AuditCanonical::canonicalJson(QStringLiteral(R"({"é": 1, "z": 2, "Z": 3, "aa": 4, "a": 5})").toUtf8()).value(),
                 QStringLiteral(R"({"Z":3,"a":5,"aa":4,"z":2,"é":1})").toUtf8());
        QCOMPARE(AuditCanonical::canonicalJson("{}").value(), QByteArray("{}"));
        QCOMPARE(AuditCanonical::canonicalJson("[]").value(), QByteArray("[]"));
    }

    void canonicalJsonKeepsNumberTokensAsPrinted()
    {
        QCOMPARE(AuditCanonical::canonicalJson("[1.50, -0.000001, 100000000000000000000001, 0]").value(),
                 QByteArray("[1.50,-0.000001,100000000000000000000001,0]"));
    }

    void stringsAreEscapedLikePostgresToJson()
    {
        QCOMPARE(AuditCanonical::jsonString(QStringLiteral("a\"b\\c\nd\te\u0001f/g")),
                 QByteArray("\"a\\\"b\\\\c\\nd\\te\\u0001f/g\""));
        QCOMPARE(AuditCanonical::jsonString(QStringLiteral("ñ🙂")), QStringLiteral("\"ñ🙂\"").toUtf8());
        // An escaped input is decoded and re-escaped: \u00f1 becomes the raw UTF-8 "ñ".
        QCOMPARE(AuditCanonical::canonicalJson(R"(["\u00f1\ud83d\ude42\/\u001f"])").value(),
                 QStringLiteral("[\"ñ🙂/\\u001f\"]").toUtf8());
    }

    void invalidJsonIsRefused()
    {
        for (const char *bad : {"{", "[1,]", "{\"a\" 1}", "\"open", "tru", "{} x", "[\"\\x\"]"})
            QVERIFY2(!AuditCanonical::canonicalJson(bad), bad);
    }

    void timestampsAreUtcWithMicroseconds()
    {
        QCOMPARE(AuditCanonical::utcTimestamp(1772373909000123), QByteArray("2026-03-01T14:05:09.000123Z"));
        QCOMPARE(AuditCanonical::utcTimestamp(0), QByteArray("1970-01-01T00:00:00.000000Z"));
        QCOMPARE(AuditCanonical::utcTimestamp(-500000), QByteArray("1969-12-31T23:59:59.500000Z"));
    }

    void versionOneRowHasFixedBytesAndHash()
    {
        const AuditRow row = approval();
        const QByteArray expected = QStringLiteral(
            R"({"action":"refunds.update","actor":"luis","actor_staff_id":3,"after":{"amount_minor":150000,)"
            "\"note\":\"ñandú \\\"🙂\\\"\\n\","
            R"("state":"approved","z":[1.50,null,true,{"a":{},"b":[]}]},"before":null,)"
            R"("canonical_version":1,"entity":"refunds","entity_id":"42","occurred_at":"2026-03-01T14:05:09.000123Z",)"
            R"("reason":null,"result":"ok","seq":19})").toUtf8();
        QCOMPARE(AuditCanonical::canonicalRow(row).value(), expected);
        QCOMPARE(AuditCanonical::chainHash(QByteArray(32, '\0'), row).value().toHex(),
                 QByteArray("43d42191e378691cc05404d29a3ccb24a94630fdbf4ea78d7c60255072530bfa"));
    }

    void versionZeroRowKeepsThePrintedJsonb()
    {
        AuditRow row;
        row.canonicalVersion = 0;
        row.seq = 1;
        row.occurredAtMicros = 946684799999999;
        row.actor = QStringLiteral("okla_owner");
        row.action = QStringLiteral("staff.insert");
        row.entity = QStringLiteral("staff");
        row.entityId = QStringLiteral("1");
        row.result = QStringLiteral("ok");
        row.reason = QStringLiteral("x");
        row.after = QByteArray(R"({"id": 1, "role_name": "ana"})");
        QCOMPARE(AuditCanonical::canonicalRow(row).value(),
                 QByteArray(R"({"action":"staff.insert","actor":"okla_owner","actor_staff_id":null,)"
                            R"("after":{"id": 1, "role_name": "ana"},"before":null,"entity":"staff","entity_id":"1",)"
                            R"("occurred_at":"1999-12-31T23:59:59.999999Z","reason":"x","result":"ok","seq":1})"));
        QCOMPARE(AuditCanonical::chainHash(QByteArray(32, '\0'), row).value().toHex(),
                 QByteArray("038b940c4d5264baaf0b48fd3235ad8ff8ee125bc6fa11180cd5ae1c9d6f5764"));
    }

    void anyChangedFieldChangesTheHash()
    {
        const QByteArray original = AuditCanonical::chainHash(QByteArray(32, '\0'), approval()).value();
        AuditRow actor = approval();
        actor.actor = QStringLiteral("marco");
        AuditRow staff = approval();
        staff.actorStaffId = std::nullopt;
        AuditRow after = approval();
        after.after = QByteArray(R"({"state": "rejected"})");
        AuditRow time = approval();
        time.occurredAtMicros += 1;
        for (const AuditRow &changed : {actor, staff, after, time})
            QVERIFY(AuditCanonical::chainHash(QByteArray(32, '\0'), changed).value() != original);
        QVERIFY(AuditCanonical::chainHash(QByteArray(32, '\1'), approval()).value() != original);
    }

    void unknownVersionIsRefused()
    {
        AuditRow row = approval();
        row.canonicalVersion = 2;
        QCOMPARE(AuditCanonical::canonicalRow(row).error().code, QStringLiteral("audit.canonical.version"));
    }
};

QTEST_GUILESS_MAIN(TestAuditCanonical)
#include "tst_auditcanonical.moc"
