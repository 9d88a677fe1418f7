using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Portal.Domain.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class OffsetFilesPostgres : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "CenterClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProvinceId = table.Column<int>(type: "integer", nullable: false),
                    MedicalCenterId = table.Column<int>(type: "integer", nullable: false),
                    Amount = table.Column<long>(type: "bigint", nullable: false),
                    FirstPeriod = table.Column<int>(type: "integer", nullable: false),
                    LastPeriod = table.Column<int>(type: "integer", nullable: false),
                    Settled = table.Column<long>(type: "bigint", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CenterClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_CenterClaims_OrgUnits_MedicalCenterId",
                        column: x => x.MedicalCenterId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DebtorWorkshops",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProvinceId = table.Column<int>(type: "integer", nullable: false),
                    WorkshopCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    EmployerName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    EmployerNationalId = table.Column<string>(type: "character varying(11)", maxLength: 11, nullable: false),
                    InitialDebt = table.Column<long>(type: "bigint", nullable: false),
                    FirstPeriod = table.Column<int>(type: "integer", nullable: false),
                    LastPeriod = table.Column<int>(type: "integer", nullable: false),
                    Settled = table.Column<long>(type: "bigint", nullable: false),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DebtorWorkshops", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DebtorWorkshops_Provinces_ProvinceId",
                        column: x => x.ProvinceId,
                        principalTable: "Provinces",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "OffsetFiles",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProvinceId = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Status = table.Column<int>(type: "integer", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    SentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    SentBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OffsetFiles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SeizedAssets",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    WorkshopId = table.Column<int>(type: "integer", nullable: false),
                    ProvinceId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Description = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    EstimatedValue = table.Column<long>(type: "bigint", nullable: false),
                    SeizedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Reference = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SeizedAssets", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SeizedAssets_DebtorWorkshops_WorkshopId",
                        column: x => x.WorkshopId,
                        principalTable: "DebtorWorkshops",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OffsetAgreements",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FileId = table.Column<int>(type: "integer", nullable: false),
                    ProvinceId = table.Column<int>(type: "integer", nullable: false),
                    WorkshopId = table.Column<int>(type: "integer", nullable: false),
                    ClaimId = table.Column<int>(type: "integer", nullable: false),
                    Amount = table.Column<long>(type: "bigint", nullable: true),
                    RecordedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    RecordedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    InsuranceConfirmedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    InsuranceConfirmedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    TreatmentConfirmedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    TreatmentConfirmedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OffsetAgreements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OffsetAgreements_CenterClaims_ClaimId",
                        column: x => x.ClaimId,
                        principalTable: "CenterClaims",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_OffsetAgreements_DebtorWorkshops_WorkshopId",
                        column: x => x.WorkshopId,
                        principalTable: "DebtorWorkshops",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_OffsetAgreements_OffsetFiles_FileId",
                        column: x => x.FileId,
                        principalTable: "OffsetFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "OffsetFileClaims",
                columns: table => new
                {
                    FileId = table.Column<int>(type: "integer", nullable: false),
                    ClaimId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OffsetFileClaims", x => new { x.FileId, x.ClaimId });
                    table.ForeignKey(
                        name: "FK_OffsetFileClaims_CenterClaims_ClaimId",
                        column: x => x.ClaimId,
                        principalTable: "CenterClaims",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_OffsetFileClaims_OffsetFiles_FileId",
                        column: x => x.FileId,
                        principalTable: "OffsetFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OffsetFileDebtors",
                columns: table => new
                {
                    FileId = table.Column<int>(type: "integer", nullable: false),
                    WorkshopId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OffsetFileDebtors", x => new { x.FileId, x.WorkshopId });
                    table.ForeignKey(
                        name: "FK_OffsetFileDebtors_DebtorWorkshops_WorkshopId",
                        column: x => x.WorkshopId,
                        principalTable: "DebtorWorkshops",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_OffsetFileDebtors_OffsetFiles_FileId",
                        column: x => x.FileId,
                        principalTable: "OffsetFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OffsetMeetings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FileId = table.Column<int>(type: "integer", nullable: false),
                    HeldOn = table.Column<DateOnly>(type: "date", nullable: false),
                    Attendees = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    Minutes = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OffsetMeetings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OffsetMeetings_OffsetFiles_FileId",
                        column: x => x.FileId,
                        principalTable: "OffsetFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "Settlements",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    ProvinceId = table.Column<int>(type: "integer", nullable: false),
                    AgreementId = table.Column<int>(type: "integer", nullable: false),
                    WorkshopId = table.Column<int>(type: "integer", nullable: false),
                    ClaimId = table.Column<int>(type: "integer", nullable: false),
                    Amount = table.Column<long>(type: "bigint", nullable: false),
                    Reverses = table.Column<long>(type: "bigint", nullable: true),
                    Reason = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    By = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Settlements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Settlements_OffsetAgreements_AgreementId",
                        column: x => x.AgreementId,
                        principalTable: "OffsetAgreements",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_CenterClaims_MedicalCenterId",
                table: "CenterClaims",
                column: "MedicalCenterId");

            migrationBuilder.CreateIndex(
                name: "IX_CenterClaims_ProvinceId_MedicalCenterId",
                table: "CenterClaims",
                columns: new[] { "ProvinceId", "MedicalCenterId" });

            migrationBuilder.CreateIndex(
                name: "IX_DebtorWorkshops_ProvinceId_WorkshopCode",
                table: "DebtorWorkshops",
                columns: new[] { "ProvinceId", "WorkshopCode" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OffsetAgreements_ClaimId",
                table: "OffsetAgreements",
                column: "ClaimId");

            migrationBuilder.CreateIndex(
                name: "IX_OffsetAgreements_FileId_WorkshopId_ClaimId",
                table: "OffsetAgreements",
                columns: new[] { "FileId", "WorkshopId", "ClaimId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OffsetAgreements_WorkshopId",
                table: "OffsetAgreements",
                column: "WorkshopId");

            migrationBuilder.CreateIndex(
                name: "IX_OffsetFileClaims_ClaimId",
                table: "OffsetFileClaims",
                column: "ClaimId");

            migrationBuilder.CreateIndex(
                name: "IX_OffsetFileDebtors_WorkshopId",
                table: "OffsetFileDebtors",
                column: "WorkshopId");

            migrationBuilder.CreateIndex(
                name: "IX_OffsetFiles_ProvinceId_Status",
                table: "OffsetFiles",
                columns: new[] { "ProvinceId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_OffsetMeetings_FileId",
                table: "OffsetMeetings",
                column: "FileId");

            migrationBuilder.CreateIndex(
                name: "IX_SeizedAssets_WorkshopId",
                table: "SeizedAssets",
                column: "WorkshopId");

            migrationBuilder.CreateIndex(
                name: "IX_Settlements_AgreementId",
                table: "Settlements",
                column: "AgreementId");

            migrationBuilder.CreateIndex(
                name: "IX_Settlements_ClaimId",
                table: "Settlements",
                column: "ClaimId");

            migrationBuilder.CreateIndex(
                name: "IX_Settlements_Reverses",
                table: "Settlements",
                column: "Reverses",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Settlements_WorkshopId",
                table: "Settlements",
                column: "WorkshopId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "OffsetFileClaims");

            migrationBuilder.DropTable(
                name: "OffsetFileDebtors");

            migrationBuilder.DropTable(
                name: "OffsetMeetings");

            migrationBuilder.DropTable(
                name: "SeizedAssets");

            migrationBuilder.DropTable(
                name: "Settlements");

            migrationBuilder.DropTable(
                name: "OffsetAgreements");

            migrationBuilder.DropTable(
                name: "CenterClaims");

            migrationBuilder.DropTable(
                name: "DebtorWorkshops");

            migrationBuilder.DropTable(
                name: "OffsetFiles");
        }
    }
}
