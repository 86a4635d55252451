package ma.hanout.receipt;

/**
 * The shop as its receipts name it (the settings {@code shop.name}, {@code shop.address},
 * {@code shop.phone}, {@code shop.tax_id}); any of them may be blank.
 */
public record ShopDetails(String name, String address, String phone, String taxId) {
    public ShopDetails {
        name = clean(name);
        address = clean(address);
        phone = clean(phone);
        taxId = clean(taxId);
    }

    public static final ShopDetails NONE = new ShopDetails("", "", "", "");

    private static String clean(String s) {
        return s == null ? "" : s.strip();
    }
}
