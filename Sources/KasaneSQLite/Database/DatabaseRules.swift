/// The rules the SQLite database enforces by itself, whatever writes to it (a bug, a
/// restored file, someone with `sqlite3`), listed in one place: each names its trigger in
/// `Migrations.swift` and the start of the refusal it raises. `DatabaseRulesTests` checks
/// that this list and the database's triggers are the same set and that each one refuses.
/// The PostgreSQL engine (issue 19) lists its own means for the same rules.
public struct DatabaseRule: Sendable, Equatable {
    public let trigger: String
    public let protects: String
    public let refusal: String
}

extension DatabaseRule {
    public static let sqlite: [DatabaseRule] = [
        .init(trigger: "agency_default_contact_check", protects: "an agency's default contact is one of its own staff", refusal: "default contact must be staff of the agency"),
        .init(trigger: "pledge_no_update", protects: "a confidentiality pledge is never changed", refusal: "pledges are never changed"),
        .init(trigger: "pledge_no_delete", protects: "a confidentiality pledge is never deleted", refusal: "pledges are never deleted"),
        .init(trigger: "consent_history_kept", protects: "a consent is only ever withdrawn, with its reason and who recorded it", refusal: "consent history is never overwritten"),
        .init(trigger: "consent_no_delete", protects: "a consent is never deleted", refusal: "consent records are never deleted"),
        .init(trigger: "meeting_uid_fixed", protects: "a meeting's iCalendar UID never changes", refusal: "a meeting UID never changes"),
        .init(trigger: "meeting_sequence_forward", protects: "a meeting's SEQUENCE never goes back", refusal: "a meeting SEQUENCE never goes back"),
        .init(trigger: "meeting_room_insert", protects: "a room is never booked twice at one time (new meeting)", refusal: "room double-booked"),
        .init(trigger: "meeting_room_update", protects: "a room is never booked twice at one time (moved meeting)", refusal: "room double-booked"),
        .init(trigger: "meeting_visit_insert", protects: "a visit names one case and books no room (new meeting)", refusal: "訪問の会議は事例を1つ指し"),
        .init(trigger: "meeting_visit_update", protects: "a visit names one case and books no room (changed meeting)", refusal: "訪問の会議は事例を1つ指し"),
        .init(trigger: "auditLog_no_update", protects: "the audit log is append-only (no change, no INSERT OR REPLACE)", refusal: "the audit log is append-only"),
        .init(trigger: "auditLog_no_delete", protects: "the audit log is append-only (no deletion)", refusal: "the audit log is append-only"),
        .init(trigger: "auditLog_appended", protects: "an audit row goes at the end, chained to the last", refusal: "the audit log is append-only: a row goes at the end"),
        .init(trigger: "minutesVersion_locked", protects: "approved minutes are never changed", refusal: "承認済みの議事録は変更できません。訂正は"),
        .init(trigger: "minutesVersion_kept", protects: "approved minutes are never deleted", refusal: "承認済みの議事録は削除できません。"),
        .init(trigger: "minutesText_locked", protects: "the words of approved minutes are never changed, only erased at retention", refusal: "承認済みの議事録は変更できません（保存期間"),
        .init(trigger: "minutesText_kept", protects: "the words of approved minutes are never deleted", refusal: "承認済みの議事録は削除できません。"),
        .init(trigger: "minutesText_closed", protects: "nothing is added to approved minutes", refusal: "承認済みの議事録に議題を足すことはできません。"),
        .init(trigger: "minutesText_erasure_due", protects: "words are erased only once their retention period has passed", refusal: "保存期間を過ぎていない議事録の記録は消去できません。"),
        .init(trigger: "supportPlan_born_draft", protects: "a support plan is created as a draft", refusal: "支援プランは作成中（draft）の版としてだけ作れます。"),
        .init(trigger: "supportPlan_content_fixed", protects: "a plan's content is fixed once it leaves draft", refusal: "作成中でない支援プランの内容は変えられません。"),
        .init(trigger: "supportPlan_state_recorded", protects: "a plan's state moves only by a recorded transition", refusal: "支援プランの状態は、記録された移行"),
        .init(trigger: "supportPlan_kept", protects: "a support plan is never deleted", refusal: "支援プランは削除できません。"),
        .init(trigger: "planTransition_allowed", protects: "only the allowed plan transitions are recorded", refusal: "この支援プランの状態の移行は認められていません。"),
        .init(trigger: "planTransition_decided", protects: "approval, revision, termination and suspension come from approved minutes of a 重層的支援会議", refusal: "支援プランの承認・見直し・終結・中断は"),
        .init(trigger: "planTransition_no_update", protects: "a plan's history is never changed", refusal: "支援プランの履歴は変更できません。"),
        .init(trigger: "planTransition_no_delete", protects: "a plan's history is never deleted", refusal: "支援プランの履歴は削除できません。"),
        .init(trigger: "planEvent_no_change", protects: "a plan's events are never changed", refusal: "支援プランの履歴は変更できません。"),
        .init(trigger: "caseReferral_no_update", protects: "a case's referral record is never changed", refusal: "事例の受付の記録は変更できません。"),
        .init(trigger: "caseReferral_no_delete", protects: "a case's referral record is never deleted", refusal: "事例の受付の記録は削除できません。"),
        .init(trigger: "roleGrant_decided_once", protects: "a role is granted once, by someone other than the requester and the person", refusal: "役割の付与は、依頼した人とも本人とも別の人が一度だけ決めます。"),
        .init(trigger: "roleGrant_kept", protects: "a role grant's record is never deleted", refusal: "役割の付与の記録は削除できません。"),
    ]

    /// Triggers that keep bookkeeping (the feeds' data version) and refuse nothing.
    public static let bookkeepingPrefixes = ["dataVersion_"]
}
