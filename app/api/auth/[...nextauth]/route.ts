import NextAuth from "next-auth";
import { authOptions } from "@/app/_server/auth";
import { nativeDialect } from "@/lib/dialects/native/dialect";
import { otherMethods } from "@/lib/http/route-methods";

const handler = NextAuth(authOptions);

export { handler as GET, handler as POST };
export const { PUT, PATCH, DELETE } = otherMethods(nativeDialect, { GET: handler, POST: handler });
