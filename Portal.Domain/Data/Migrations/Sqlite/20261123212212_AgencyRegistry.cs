using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Domain.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AgencyRegistry : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "BankConfirmedOn",
                table: "OrgUnits",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "BankLetterNo",
                table: "OrgUnits",
                type: "TEXT",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PostalCode",
                table: "OrgUnits",
                type: "TEXT",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Sheba",
                table: "OrgUnits",
                type: "TEXT",
                maxLength: 26,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "Version",
                table: "OrgUnits",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "UnitId",
                table: "AuditEntries",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "BoardMembers",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AgencyId = table.Column<int>(type: "INTEGER", nullable: false),
                    ProvinceId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    Position = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    NationalId = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BoardMembers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_BoardMembers_OrgUnits_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ChangeNotices",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AgencyId = table.Column<int>(type: "INTEGER", nullable: false),
                    ProvinceId = table.Column<int>(type: "INTEGER", nullable: false),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    Before = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    After = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: false),
                    EffectiveDate = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RaisedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RaisedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    AcknowledgedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    AcknowledgedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChangeNotices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChangeNotices_OrgUnits_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Circulars",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReviewOfficeId = table.Column<int>(type: "INTEGER", nullable: false),
                    ProvinceId = table.Column<int>(type: "INTEGER", nullable: false),
                    Title = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    Number = table.Column<string>(type: "TEXT", maxLength: 50, nullable: true),
                    Kind = table.Column<int>(type: "INTEGER", nullable: false),
                    FileName = table.Column<string>(type: "TEXT", maxLength: 255, nullable: false),
                    ContentType = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    Sha256 = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    Size = table.Column<long>(type: "INTEGER", nullable: false),
                    UploadedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    UploadedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    ForAllAgencies = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Circulars", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Circulars_OrgUnits_ReviewOfficeId",
                        column: x => x.ReviewOfficeId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Circulars_Provinces_ProvinceId",
                        column: x => x.ProvinceId,
                        principalTable: "Provinces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Representatives",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AgencyId = table.Column<int>(type: "INTEGER", nullable: false),
                    ProvinceId = table.Column<int>(type: "INTEGER", nullable: false),
                    Name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    NationalId = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    Mobile = table.Column<string>(type: "TEXT", maxLength: 11, nullable: false),
                    NamedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    RemovedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    TheoryOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    PracticalOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    SupplementaryOn = table.Column<DateOnly>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Representatives", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Representatives_OrgUnits_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ToolDeployments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AgencyId = table.Column<int>(type: "INTEGER", nullable: false),
                    ProvinceId = table.Column<int>(type: "INTEGER", nullable: false),
                    Tool = table.Column<int>(type: "INTEGER", nullable: false),
                    Quantity = table.Column<int>(type: "INTEGER", nullable: false),
                    DeployedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    RecordedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: false),
                    RecordedAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ToolDeployments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ToolDeployments_OrgUnits_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TrainingSessions",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ReviewOfficeId = table.Column<int>(type: "INTEGER", nullable: false),
                    ProvinceId = table.Column<int>(type: "INTEGER", nullable: false),
                    Stage = table.Column<int>(type: "INTEGER", nullable: false),
                    Date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    Place = table.Column<string>(type: "TEXT", maxLength: 700, nullable: false),
                    Trainer = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    AgencyId = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrainingSessions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TrainingSessions_OrgUnits_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TrainingSessions_OrgUnits_ReviewOfficeId",
                        column: x => x.ReviewOfficeId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "CircularRecipients",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    CircularId = table.Column<int>(type: "INTEGER", nullable: false),
                    AgencyId = table.Column<int>(type: "INTEGER", nullable: false),
                    ProvinceId = table.Column<int>(type: "INTEGER", nullable: false),
                    OpenedAt = table.Column<long>(type: "INTEGER", nullable: true),
                    OpenedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CircularRecipients", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CircularRecipients_Circulars_CircularId",
                        column: x => x.CircularId,
                        principalTable: "Circulars",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_CircularRecipients_OrgUnits_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_CircularRecipients_Provinces_ProvinceId",
                        column: x => x.ProvinceId,
                        principalTable: "Provinces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "TrainingAttendances",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SessionId = table.Column<int>(type: "INTEGER", nullable: false),
                    RepresentativeId = table.Column<int>(type: "INTEGER", nullable: false),
                    ProvinceId = table.Column<int>(type: "INTEGER", nullable: false),
                    Attended = table.Column<bool>(type: "INTEGER", nullable: true),
                    Result = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TrainingAttendances", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TrainingAttendances_Representatives_RepresentativeId",
                        column: x => x.RepresentativeId,
                        principalTable: "Representatives",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TrainingAttendances_TrainingSessions_SessionId",
                        column: x => x.SessionId,
                        principalTable: "TrainingSessions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_UnitId",
                table: "AuditEntries",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_BoardMembers_AgencyId",
                table: "BoardMembers",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_ChangeNotices_AgencyId",
                table: "ChangeNotices",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_ChangeNotices_ProvinceId_AcknowledgedAt",
                table: "ChangeNotices",
                columns: new[] { "ProvinceId", "AcknowledgedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CircularRecipients_AgencyId_OpenedAt",
                table: "CircularRecipients",
                columns: new[] { "AgencyId", "OpenedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_CircularRecipients_CircularId_AgencyId",
                table: "CircularRecipients",
                columns: new[] { "CircularId", "AgencyId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_CircularRecipients_ProvinceId",
                table: "CircularRecipients",
                column: "ProvinceId");

            migrationBuilder.CreateIndex(
                name: "IX_Circulars_ProvinceId_UploadedAt",
                table: "Circulars",
                columns: new[] { "ProvinceId", "UploadedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Circulars_ReviewOfficeId_UploadedAt",
                table: "Circulars",
                columns: new[] { "ReviewOfficeId", "UploadedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_Representatives_AgencyId_RemovedAt",
                table: "Representatives",
                columns: new[] { "AgencyId", "RemovedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ToolDeployments_AgencyId",
                table: "ToolDeployments",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_TrainingAttendances_RepresentativeId_Attended",
                table: "TrainingAttendances",
                columns: new[] { "RepresentativeId", "Attended" });

            migrationBuilder.CreateIndex(
                name: "IX_TrainingAttendances_SessionId_RepresentativeId",
                table: "TrainingAttendances",
                columns: new[] { "SessionId", "RepresentativeId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TrainingSessions_AgencyId",
                table: "TrainingSessions",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_TrainingSessions_ProvinceId_Date",
                table: "TrainingSessions",
                columns: new[] { "ProvinceId", "Date" });

            migrationBuilder.CreateIndex(
                name: "IX_TrainingSessions_ReviewOfficeId",
                table: "TrainingSessions",
                column: "ReviewOfficeId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BoardMembers");

            migrationBuilder.DropTable(
                name: "ChangeNotices");

            migrationBuilder.DropTable(
                name: "CircularRecipients");

            migrationBuilder.DropTable(
                name: "ToolDeployments");

            migrationBuilder.DropTable(
                name: "TrainingAttendances");

            migrationBuilder.DropTable(
                name: "Circulars");

            migrationBuilder.DropTable(
                name: "Representatives");

            migrationBuilder.DropTable(
                name: "TrainingSessions");

            migrationBuilder.DropIndex(
                name: "IX_AuditEntries_UnitId",
                table: "AuditEntries");

            migrationBuilder.DropColumn(
                name: "BankConfirmedOn",
                table: "OrgUnits");

            migrationBuilder.DropColumn(
                name: "BankLetterNo",
                table: "OrgUnits");

            migrationBuilder.DropColumn(
                name: "PostalCode",
                table: "OrgUnits");

            migrationBuilder.DropColumn(
                name: "Sheba",
                table: "OrgUnits");

            migrationBuilder.DropColumn(
                name: "Version",
                table: "OrgUnits");

            migrationBuilder.DropColumn(
                name: "UnitId",
                table: "AuditEntries");
        }
    }
}
