/// A rule over the vendor register, `vendors/*.md`: a program rule kept in a folder of its own.
public protocol VendorRule: ProgramRule {}
