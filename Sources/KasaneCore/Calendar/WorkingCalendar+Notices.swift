import Foundation

extension WorkingCalendar {
    /// What is unusual about a meeting at this time: a closed day, outside office hours,
    /// sooner than the minimum notice. Allowed, but the coordinator is told.
    public func notices(startsAt: Date, endsAt: Date, now: Date) -> [String] {
        var notices: [String] = []
        let day = LocalDate.inTokyo(startsAt)
        if let closure = closure(on: day) {
            notices.append("\(day) は閉庁日（\(closure)）です。")
        }
        let opens = day.instant(minutesAfterMidnight: settings.officeOpens.minutes)
        let closes = day.instant(minutesAfterMidnight: settings.officeCloses.minutes)
        if startsAt < opens || endsAt > closes {
            notices.append("開庁時間（\(settings.officeOpens)〜\(settings.officeCloses)）の外にかかります。")
        }
        let rules = settings.schedulingRules
        var notice = LocalDate.today(now: now)
        var workingDays = 0
        while workingDays < rules.minimumNoticeWorkingDays {
            notice = notice.adding(days: 1)
            if isWorkingDay(notice) { workingDays += 1 }
        }
        if day <= notice && startsAt > now {
            notices.append("招集の最低日数（開庁日\(rules.minimumNoticeWorkingDays)日）より前です。緊急の場合は出席者に直接連絡してください。")
        }
        return notices
    }
}
