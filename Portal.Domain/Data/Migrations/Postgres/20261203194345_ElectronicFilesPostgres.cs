using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Portal.Domain.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ElectronicFilesPostgres : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "DocumentGroups",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SortOrder = table.Column<int>(type: "integer", nullable: false),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DocumentGroups", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "TechnicalFileCounters",
                columns: table => new
                {
                    BranchId = table.Column<int>(type: "integer", nullable: false),
                    Last = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TechnicalFileCounters", x => x.BranchId);
                });

            migrationBuilder.CreateTable(
                name: "TechnicalFiles",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    Number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    BranchId = table.Column<int>(type: "integer", nullable: false),
                    ProvinceId = table.Column<int>(type: "integer", nullable: false),
                    PersonId = table.Column<long>(type: "bigint", nullable: true),
                    NationalId = table.Column<string>(type: "character varying(12)", maxLength: 12, nullable: false),
                    PersonName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    ShelfRow = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ShelfNumber = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ShelfBox = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Slimmed = table.Column<bool>(type: "boolean", nullable: false),
                    OutOfTurn = table.Column<bool>(type: "boolean", nullable: false),
                    OutOfTurnReason = table.Column<int>(type: "integer", nullable: true),
                    OutOfTurnNote = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    OutOfTurnAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    OutOfTurnBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    RequestedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    RequestedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    LastStep = table.Column<int>(type: "integer", nullable: true),
                    LastStepAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LastStepBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    PageCount = table.Column<int>(type: "integer", nullable: true),
                    RecountPages = table.Column<int>(type: "integer", nullable: true),
                    InDiscrepancy = table.Column<bool>(type: "boolean", nullable: false),
                    ScannedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    Version = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_TechnicalFiles", x => x.Id);
                    table.ForeignKey(
                        name: "FK_TechnicalFiles_InsuredPersons_PersonId",
                        column: x => x.PersonId,
                        principalTable: "InsuredPersons",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_TechnicalFiles_OrgUnits_BranchId",
                        column: x => x.BranchId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "DocumentTypes",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    GroupId = table.Column<int>(type: "integer", nullable: false),
                    Code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    SortOrder = table.Column<int>(type: "integer", nullable: false),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DocumentTypes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DocumentTypes_DocumentGroups_GroupId",
                        column: x => x.GroupId,
                        principalTable: "DocumentGroups",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FileWorkers",
                columns: table => new
                {
                    FileId = table.Column<int>(type: "integer", nullable: false),
                    UnitId = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FileWorkers", x => new { x.FileId, x.UnitId });
                    table.ForeignKey(
                        name: "FK_FileWorkers_OrgUnits_UnitId",
                        column: x => x.UnitId,
                        principalTable: "OrgUnits",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_FileWorkers_TechnicalFiles_FileId",
                        column: x => x.FileId,
                        principalTable: "TechnicalFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ScanSteps",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FileId = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    By = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: true),
                    Note = table.Column<string>(type: "character varying(1200)", maxLength: 1200, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScanSteps", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ScanSteps_TechnicalFiles_FileId",
                        column: x => x.FileId,
                        principalTable: "TechnicalFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ScannedDocuments",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FileId = table.Column<int>(type: "integer", nullable: false),
                    BranchId = table.Column<int>(type: "integer", nullable: false),
                    ProvinceId = table.Column<int>(type: "integer", nullable: false),
                    TypeId = table.Column<int>(type: "integer", nullable: false),
                    Title = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true),
                    Pages = table.Column<int>(type: "integer", nullable: false),
                    Source = table.Column<int>(type: "integer", nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    ContentKind = table.Column<int>(type: "integer", nullable: false),
                    ScannedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false),
                    ScannedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    ScannedByUnitId = table.Column<int>(type: "integer", nullable: false),
                    ScannedByUnitKind = table.Column<int>(type: "integer", nullable: false),
                    VerifiedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true),
                    VerifiedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ScannedDocuments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ScannedDocuments_DocumentTypes_TypeId",
                        column: x => x.TypeId,
                        principalTable: "DocumentTypes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_ScannedDocuments_TechnicalFiles_FileId",
                        column: x => x.FileId,
                        principalTable: "TechnicalFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DocumentGroups_Code",
                table: "DocumentGroups",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DocumentTypes_Code",
                table: "DocumentTypes",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_DocumentTypes_GroupId",
                table: "DocumentTypes",
                column: "GroupId");

            migrationBuilder.CreateIndex(
                name: "IX_FileWorkers_UnitId",
                table: "FileWorkers",
                column: "UnitId");

            migrationBuilder.CreateIndex(
                name: "IX_ScannedDocuments_FileId_ScannedAt",
                table: "ScannedDocuments",
                columns: new[] { "FileId", "ScannedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ScannedDocuments_ScannedByUnitId_VerifiedAt",
                table: "ScannedDocuments",
                columns: new[] { "ScannedByUnitId", "VerifiedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ScannedDocuments_Sha256",
                table: "ScannedDocuments",
                column: "Sha256");

            migrationBuilder.CreateIndex(
                name: "IX_ScannedDocuments_TypeId",
                table: "ScannedDocuments",
                column: "TypeId");

            migrationBuilder.CreateIndex(
                name: "IX_ScanSteps_By_Kind_At",
                table: "ScanSteps",
                columns: new[] { "By", "Kind", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_ScanSteps_FileId_At",
                table: "ScanSteps",
                columns: new[] { "FileId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_TechnicalFiles_BranchId_LastStep_OutOfTurn_RequestedAt",
                table: "TechnicalFiles",
                columns: new[] { "BranchId", "LastStep", "OutOfTurn", "RequestedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_TechnicalFiles_BranchId_Sequence",
                table: "TechnicalFiles",
                columns: new[] { "BranchId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TechnicalFiles_NationalId",
                table: "TechnicalFiles",
                column: "NationalId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TechnicalFiles_Number",
                table: "TechnicalFiles",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_TechnicalFiles_PersonId",
                table: "TechnicalFiles",
                column: "PersonId");

            migrationBuilder.CreateIndex(
                name: "IX_TechnicalFiles_ProvinceId",
                table: "TechnicalFiles",
                column: "ProvinceId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FileWorkers");

            migrationBuilder.DropTable(
                name: "ScannedDocuments");

            migrationBuilder.DropTable(
                name: "ScanSteps");

            migrationBuilder.DropTable(
                name: "TechnicalFileCounters");

            migrationBuilder.DropTable(
                name: "DocumentTypes");

            migrationBuilder.DropTable(
                name: "TechnicalFiles");

            migrationBuilder.DropTable(
                name: "DocumentGroups");
        }
    }
}
