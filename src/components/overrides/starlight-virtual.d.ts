// The two Starlight virtual modules SiteTitle.astro reads, as Starlight's own SiteTitle uses them
// (Starlight does not publish their types).
declare module 'virtual:starlight/user-config' {
	type Logo = { alt?: string; replacesTitle?: boolean } & ({ src: string } | { dark: string; light: string });
	const config: { logo?: Logo };
	export default config;
}
declare module 'virtual:starlight/user-images' {
	export const logos: { dark?: ImageMetadata; light?: ImageMetadata };
}
