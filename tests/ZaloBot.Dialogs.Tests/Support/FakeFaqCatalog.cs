using ZaloBot.Dialogs.Ports;

namespace ZaloBot.Dialogs.Tests.Support;

internal sealed class FakeFaqCatalog : IFaqCatalog
{
    public Dictionary<string, FaqAnswer> Entries { get; } = new(StringComparer.Ordinal)
    {
        ["dang-ky-khai-sinh"] = new("dang-ky-khai-sinh", "Đăng ký khai sinh cần gì?", "Để đăng ký khai sinh, bạn mang giấy chứng sinh và CCCD của cha/mẹ đến UBND phường.", ["trich-luc-ho-tich", "dang-ky-ket-hon"]),
        ["dang-ky-ket-hon"] = new("dang-ky-ket-hon", "Đăng ký kết hôn thế nào?", "Hai bên nam nữ cùng đến UBND phường nơi cư trú của một bên.", []),
        ["trich-luc-ho-tich"] = new("trich-luc-ho-tich", "Xin trích lục hộ tịch ở đâu?", "Bạn nộp yêu cầu trích lục tại UBND phường đã đăng ký.", []),
        ["nop-ho-so-truc-tuyen"] = new("nop-ho-so-truc-tuyen", "Nộp hồ sơ trực tuyến thế nào?", "Truy cập cổng dịch vụ công, đăng nhập bằng VNeID và chọn thủ tục.", []),
    };

    public Task<FaqAnswer?> FindAsync(string slug, CancellationToken cancellationToken) =>
        Task.FromResult(Entries.GetValueOrDefault(slug));
}
