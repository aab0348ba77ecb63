//! The reason the file system gave for a failed read or write, in the user's language: a full
//! disk says so in Vietnamese too, not only as the system's English text.

use std::io::{self, ErrorKind};

use crate::language::Language;

/// `error` as the end of a message ("cannot write d.xlsx: the disk is full").
pub fn io_reason(error: &io::Error, language: Language) -> String {
    let (vi, en) = match error.kind() {
        ErrorKind::StorageFull => ("ổ đĩa đã đầy", "the disk is full"),
        ErrorKind::QuotaExceeded => ("đã hết hạn mức dung lượng", "the disk quota is used up"),
        ErrorKind::FileTooLarge => ("tệp quá lớn", "the file is too large"),
        ErrorKind::PermissionDenied => ("không có quyền", "permission denied"),
        ErrorKind::ReadOnlyFilesystem => ("ổ đĩa chỉ cho đọc", "the disk is read-only"),
        ErrorKind::NotFound => ("không tìm thấy", "not found"),
        ErrorKind::IsADirectory => ("đó là một thư mục", "it is a folder"),
        ErrorKind::NotADirectory => (
            "đó là một tệp, không phải thư mục",
            "it is a file, not a folder",
        ),
        ErrorKind::InvalidFilename => ("tên tệp không hợp lệ", "the file name is not valid"),
        _ => return error.to_string(),
    };
    language.t(vi, en).to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_full_disk_reads_in_both_languages() {
        let full = io::Error::from(ErrorKind::StorageFull);
        assert_eq!(io_reason(&full, Language::Vietnamese), "ổ đĩa đã đầy");
        assert_eq!(io_reason(&full, Language::English), "the disk is full");
        let other = io::Error::other("something odd");
        assert_eq!(io_reason(&other, Language::Vietnamese), "something odd");
    }
}
