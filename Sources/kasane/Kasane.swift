import ArgumentParser

@main
struct Kasane: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kasane",
        abstract: "Kasane（重ね）: 支援会議・重層的支援会議の運営を支えるサービス",
        subcommands: [
            Serve.self, Demo.self, Import.self, DistrictCommand.self, StaffCommand.self, MeetingCommand.self,
            AuditCommand.self, ITIPCommand.self, HolidaysCommand.self, BackupCommand.self, BusyCommand.self, ScheduleCommand.self, PollCommand.self, RoomsCommand.self,
            AgendaCommand.self, MinutesCommand.self, ArchiveCommand.self, RetentionCommand.self, TemplatesCommand.self,
            PlanCommand.self, FiguresCommand.self, GapsCommand.self,
        ])
}
