using System.Collections.Frozen;
using System.Globalization;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace Portal.Components.Shared;

/// <summary>
/// MudBlazor's own words (pager buttons, "Select row", date picker's month buttons, upload prompts) in Persian for a
/// Persian reader, with the numbers MudBlazor passes in written in Persian digits. English readers get MudBlazor's own
/// English (MudBlazor's default interceptor never asks a custom localizer in an English culture).
/// Keys are MudBlazor's LanguageResource names (MudBlazor 9).
/// </summary>
public sealed class PortalMudLocalizer : MudLocalizer
{
    public override LocalizedString this[string key] => Translate(key, []);

    public override LocalizedString this[string key, params object[] arguments] => Translate(key, arguments);

    private static LocalizedString Translate(string key, object[] arguments)
    {
        if (!(Display.Persian ? Persian : English).TryGetValue(key, out var text)) return new LocalizedString(key, key, resourceNotFound: true);
        if (arguments.Length > 0)
            text = string.Format(CultureInfo.CurrentCulture, text, arguments.Select(a => (object)Digits(a)).ToArray());
        return new LocalizedString(key, text);
    }

    /// <summary>A number MudBlazor hands over (an int, or already "1,240" / "1٬240" as text) in Persian digits and «٬».</summary>
    private static string Digits(object? argument) => argument switch
    {
        null => "",
        int or long or short => Display.Number(Convert.ToInt64(argument, CultureInfo.InvariantCulture)),
        IFormattable f => Display.Text(f.ToString(null, CultureInfo.InvariantCulture)),
        _ => Display.Text(argument.ToString()).Replace(',', '٬'),
    };

    // MudBlazor's English for the keys the portal's own components (PortalTablePager) ask for; MudBlazor's components
    // never ask this localizer in English.
    private static readonly FrozenDictionary<string, string> English = new Dictionary<string, string>
    {
        ["MudDataGridPager_InfoFormat"] = "{0}-{1} of {2}",
        ["MudTablePager_FirstPage"] = "First page",
        ["MudTablePager_LastPage"] = "Last page",
        ["MudTablePager_NextPage"] = "Next page",
        ["MudTablePager_PreviousPage"] = "Previous page",
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<string, string> Persian = new Dictionary<string, string>
    {
        ["Converter_ConversionError"] = "خطای تبدیل: {0}",
        ["Converter_ConversionFailed"] = "مقدار درست نیست.",
        ["Converter_ConversionNotImplemented"] = "مقدار درست نیست.",
        ["Converter_InvalidBoolean"] = "مقدار درست نیست.",
        ["Converter_InvalidDateTime"] = "تاریخ درست نیست.",
        ["Converter_InvalidGUID"] = "مقدار درست نیست.",
        ["Converter_InvalidNumber"] = "عدد درست نیست.",
        ["Converter_InvalidTimeSpan"] = "زمان درست نیست.",
        ["Converter_InvalidType"] = "مقدار درست نیست.",
        ["Converter_NotValueOf"] = "مقدار درست نیست.",
        ["Converter_UnableToConvert"] = "مقدار درست نیست.",
        ["HeatMap_Less"] = "کمتر",
        ["HeatMap_More"] = "بیشتر",
        ["MudAlert_Close"] = "بستن",
        ["MudBaseDatePicker_NextMonth"] = "ماه بعد {0}",
        ["MudBaseDatePicker_NextYear"] = "سال بعد {0}",
        ["MudBaseDatePicker_Open"] = "باز کردن",
        ["MudBaseDatePicker_PrevMonth"] = "ماه قبل {0}",
        ["MudBaseDatePicker_PrevYear"] = "سال قبل {0}",
        ["MudBreadcrumbs_Label"] = "مسیر صفحه",
        ["MudCarousel_Index"] = "شماره {0}",
        ["MudCarousel_Next"] = "بعدی",
        ["MudCarousel_Previous"] = "قبلی",
        ["MudChip_Close"] = "حذف",
        ["MudColorPicker_AlphaSlider"] = "شفافیت",
        ["MudColorPicker_Close"] = "بستن",
        ["MudColorPicker_GridView"] = "جدول رنگ",
        ["MudColorPicker_HideSwatches"] = "پنهان کردن نمونه‌ها",
        ["MudColorPicker_HueSlider"] = "فام",
        ["MudColorPicker_ModeSwitch"] = "تغییر حالت",
        ["MudColorPicker_Open"] = "باز کردن",
        ["MudColorPicker_PaletteView"] = "پالت",
        ["MudColorPicker_ShowSwatches"] = "نمایش نمونه‌ها",
        ["MudColorPicker_SpectrumView"] = "طیف",
        ["MudDataGridPager_AllItems"] = "همه",
        ["MudDataGridPager_FirstPage"] = "صفحهٔ اول",
        ["MudDataGridPager_InfoFormat"] = "{0} تا {1} از {2}",
        ["MudDataGridPager_LastPage"] = "صفحهٔ آخر",
        ["MudDataGridPager_NextPage"] = "صفحهٔ بعد",
        ["MudDataGridPager_PreviousPage"] = "صفحهٔ قبل",
        ["MudDataGridPager_RowsPerPage"] = "ردیف در صفحه",
        ["MudDataGrid_AddFilter"] = "افزودن صافی",
        ["MudDataGrid_Apply"] = "اعمال",
        ["MudDataGrid_Cancel"] = "انصراف",
        ["MudDataGrid_Clear"] = "پاک کردن",
        ["MudDataGrid_ClearFilter"] = "برداشتن صافی",
        ["MudDataGrid_CollapseAllGroups"] = "بستن همهٔ گروه‌ها",
        ["MudDataGrid_CollapseGroup"] = "بستن گروه",
        ["MudDataGrid_Column"] = "ستون",
        ["MudDataGrid_Columns"] = "ستون‌ها",
        ["MudDataGrid_Contains"] = "شامل",
        ["MudDataGrid_EndsWith"] = "پایان با",
        ["MudDataGrid_EqualSign"] = "=",
        ["MudDataGrid_Equals"] = "برابر",
        ["MudDataGrid_ExpandAllGroups"] = "باز کردن همهٔ گروه‌ها",
        ["MudDataGrid_ExpandGroup"] = "باز کردن گروه",
        ["MudDataGrid_False"] = "خیر",
        ["MudDataGrid_Filter"] = "صافی",
        ["MudDataGrid_FilterValue"] = "مقدار صافی",
        ["MudDataGrid_GreaterThanOrEqualSign"] = "≥",
        ["MudDataGrid_GreaterThanSign"] = ">",
        ["MudDataGrid_Group"] = "گروه‌بندی",
        ["MudDataGrid_Hide"] = "پنهان کردن",
        ["MudDataGrid_HideAll"] = "پنهان کردن همه",
        ["MudDataGrid_Is"] = "هست",
        ["MudDataGrid_IsAfter"] = "پس از",
        ["MudDataGrid_IsAnyOf"] = "یکی از",
        ["MudDataGrid_IsBefore"] = "پیش از",
        ["MudDataGrid_IsEmpty"] = "خالی",
        ["MudDataGrid_IsNot"] = "نیست",
        ["MudDataGrid_IsNotEmpty"] = "خالی نیست",
        ["MudDataGrid_IsOnOrAfter"] = "در یا پس از",
        ["MudDataGrid_IsOnOrBefore"] = "در یا پیش از",
        ["MudDataGrid_LessThanOrEqualSign"] = "≤",
        ["MudDataGrid_LessThanSign"] = "<",
        ["MudDataGrid_Loading"] = "در حال بارگیری…",
        ["MudDataGrid_MoveDown"] = "پایین بردن",
        ["MudDataGrid_MoveUp"] = "بالا بردن",
        ["MudDataGrid_NotContains"] = "شامل نیست",
        ["MudDataGrid_NotEqualSign"] = "≠",
        ["MudDataGrid_NotEquals"] = "برابر نیست",
        ["MudDataGrid_OpenFilters"] = "صافی‌ها",
        ["MudDataGrid_Operator"] = "عملگر",
        ["MudDataGrid_RefreshData"] = "تازه کردن",
        ["MudDataGrid_RemoveFilter"] = "حذف صافی",
        ["MudDataGrid_ReorderColumn"] = "جابه‌جایی ستون",
        ["MudDataGrid_Save"] = "ذخیره",
        ["MudDataGrid_SelectAllRows"] = "انتخاب همهٔ ردیف‌ها",
        ["MudDataGrid_SelectRow"] = "انتخاب ردیف",
        ["MudDataGrid_ShowAll"] = "نمایش همه",
        ["MudDataGrid_ShowColumnOptions"] = "گزینه‌های ستون",
        ["MudDataGrid_Sort"] = "مرتب‌سازی",
        ["MudDataGrid_StartsWith"] = "آغاز با",
        ["MudDataGrid_ToggleGroupExpansion"] = "باز و بسته کردن گروه",
        ["MudDataGrid_True"] = "بله",
        ["MudDataGrid_Ungroup"] = "برداشتن گروه‌بندی",
        ["MudDataGrid_Unsort"] = "برداشتن مرتب‌سازی",
        ["MudDataGrid_Value"] = "مقدار",
        ["MudDateRangePicker_End"] = "تا تاریخ",
        ["MudDateRangePicker_Start"] = "از تاریخ",
        ["MudDialog_Close"] = "بستن",
        ["MudExitPrompt_Cancel"] = "انصراف",
        ["MudExitPrompt_Exit"] = "خروج",
        ["MudExitPrompt_Text"] = "از صفحه خارج می‌شوید؟ تغییرهای ذخیره‌نشده از دست می‌روند.",
        ["MudExitPrompt_Title"] = "خروج از صفحه",
        ["MudFileUpload_Button"] = "انتخاب پرونده",
        ["MudFileUpload_DragAndDrop"] = "پرونده را اینجا رها کنید یا برای انتخاب کلیک کنید",
        ["MudFileUpload_FileSizeError"] = "پروندهٔ «{0}» از بیشترین اندازهٔ مجاز ({1} بایت) بزرگ‌تر است.",
        ["MudFileUpload_MaximumFileCountExceeded"] = "{0} پرونده انتخاب شد؛ بیشترین تعداد {1} است.",
        ["MudFormComponent_Required"] = "این خانه را پر کنید.",
        ["MudInput_Clear"] = "پاک کردن",
        ["MudInput_Decrement"] = "کم کردن",
        ["MudInput_Increment"] = "زیاد کردن",
        ["MudNavGroup_ToggleExpand"] = "باز و بسته کردن {0}",
        ["MudPageContentNavigation_NavMenu"] = "فهرست مطالب",
        ["MudPagination_CurrentPage"] = "صفحهٔ کنونی {0}",
        ["MudPagination_FirstPage"] = "صفحهٔ اول",
        ["MudPagination_LastPage"] = "صفحهٔ آخر",
        ["MudPagination_NextPage"] = "صفحهٔ بعد",
        ["MudPagination_PageIndex"] = "صفحهٔ {0}",
        ["MudPagination_PreviousPage"] = "صفحهٔ قبل",
        ["MudRangeInput_End"] = "پایان",
        ["MudRangeInput_Start"] = "آغاز",
        ["MudRatingItem_Label"] = "امتیاز {0}",
        ["MudRating_Label"] = "امتیاز",
        ["MudSelect_SelectAll"] = "انتخاب همه",
        ["MudSnackbar_Close"] = "بستن",
        ["MudSplitPanel_ResizePanels"] = "تغییر اندازهٔ بخش‌ها",
        ["MudStepper_Complete"] = "پایان",
        ["MudStepper_Next"] = "بعدی",
        ["MudStepper_Previous"] = "قبلی",
        ["MudStepper_Reset"] = "از نو",
        ["MudStepper_Skip"] = "رد شدن",
        ["MudTablePager_FirstPage"] = "صفحهٔ اول",
        ["MudTablePager_LastPage"] = "صفحهٔ آخر",
        ["MudTablePager_NextPage"] = "صفحهٔ بعد",
        ["MudTablePager_PreviousPage"] = "صفحهٔ قبل",
        ["MudTable_CancelEditRow"] = "انصراف از ویرایش",
        ["MudTable_CollapseGroup"] = "بستن گروه",
        ["MudTable_CommitRow"] = "ثبت ویرایش",
        ["MudTable_EditRow"] = "ویرایش ردیف",
        ["MudTable_ExpandGroup"] = "باز کردن گروه",
        ["MudTable_Loading"] = "در حال بارگیری…",
        ["MudTable_SelectAllRows"] = "انتخاب همهٔ ردیف‌ها",
        ["MudTable_SelectGroup"] = "انتخاب گروه",
        ["MudTable_SelectRow"] = "انتخاب ردیف",
        ["MudTabs_AddTab"] = "افزودن زبانه",
        ["MudTabs_CloseTab"] = "بستن زبانه",
        ["MudTabs_ScrollDown"] = "زبانه‌های پایین‌تر",
        ["MudTabs_ScrollLeft"] = "زبانه‌های سمت چپ",
        ["MudTabs_ScrollRight"] = "زبانه‌های سمت راست",
        ["MudTabs_ScrollUp"] = "زبانه‌های بالاتر",
        ["MudTimePicker_Open"] = "باز کردن",
        ["MudTreeView_CollapseItem"] = "بستن",
        ["MudTreeView_ExpandItem"] = "باز کردن",
    }.ToFrozenDictionary();

    /// <summary>The keys translated here (a test checks MudBlazor's own list against it).</summary>
    public static IReadOnlyCollection<string> Keys => Persian.Keys;
}
